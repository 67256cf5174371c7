// expect: analytics-sdk @firebase_analytics
import FirebaseAnalytics

func didLogin(email: String) {
    // expect: analytics-sdk user.contact.email @firebase_analytics
    Analytics.setUserID(email)
}
