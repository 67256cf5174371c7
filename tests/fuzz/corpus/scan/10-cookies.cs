
using Microsoft.AspNetCore.Http;

public class AuthController
{
    public void Login(HttpResponse response, string token)
    {
        // expect: cookie user.authorization.credentials
        response.Cookies.Append("auth_token", token, new CookieOptions { HttpOnly = true, MaxAge = TimeSpan.FromDays(7) });
    }
}
