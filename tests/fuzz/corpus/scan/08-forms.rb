# expect: form-input user.contact.email
f.email_field :email
