	<?php
function remember($user) {
    // expect: cookie user.contact.email
    setcookie('remember_email', $user->email, time() + 60 * 60 * 24 * 30);
}
