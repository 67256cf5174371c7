	<?php
function signup($user) {
    // expect: log-field user.contact.email
    error_log("signup " . $user->email);
    // expect: log-field user.contact.phone_number
    Log::info('sms', ['phone' => $user->phone]);
}
