import com.google.firebase.messaging.FirebaseMessaging

fun fetch() {
    // expect: push-token user.device.push_token
    FirebaseMessaging.getInstance().token.addOnCompleteListener { }
}
