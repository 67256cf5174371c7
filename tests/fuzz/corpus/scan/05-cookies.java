import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

class LoginController {
    void login(HttpServletResponse response, String email) {
        // expect: cookie user.contact.email
        Cookie cookie = new Cookie("email", email);
        // expect: retention
        cookie.setMaxAge(60 * 60 * 24 * 30);
        // expect: cookie
        response.addCookie(cookie);
        // expect: cookie
        ResponseCookie rc = ResponseCookie.from("sid", "v").build();
    }
}
