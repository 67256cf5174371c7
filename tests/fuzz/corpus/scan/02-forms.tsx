import { useForm } from 'react-hook-form';

export function Signup() {
  const { register } = useForm();
  return (
    <form>
      {/* expect: form-input user.contact.email */}
      <input type="email" name="email" />
      {/* expect: form-input user.contact.phone_number */}
      <input {...register('phone')} />
    </form>
  );
}
