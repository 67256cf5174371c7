import timber.log.Timber

fun onToken(pushToken: String, email: String) {
    // expect: log-field user.contact.email
    Timber.d("user %s", email)
    // expect: log-field user.device.push_token
    println("push token: $pushToken")
}
