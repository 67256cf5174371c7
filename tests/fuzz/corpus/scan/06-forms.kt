@Composable
fun Signup(phone: String, onChange: (String) -> Unit) {
    // expect: form-input user.contact.phone_number
    OutlinedTextField(value = phone, onValueChange = onChange)
}
