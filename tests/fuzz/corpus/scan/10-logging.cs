
public class SignupService
{
    private readonly ILogger<SignupService> _logger;

    public void Signup(User user)
    {
        // expect: log-field user.contact.email
        _logger.LogInformation("Signup {Email}", user.Email);
    }
}
