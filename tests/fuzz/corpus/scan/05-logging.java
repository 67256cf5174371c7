import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SignupService {
    private static final Logger log = LoggerFactory.getLogger(SignupService.class);

    void signup(User user) {
        // expect: log-field user.contact.email
        log.info("signup {}", user.getEmail());
        // expect: log-field user.contact.phone_number
        android.util.Log.d("signup", "phone=" + user.phone);
    }
}
