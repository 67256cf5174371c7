	<?php
function client_ip() {
    // expect: ip-geo user.device.ip_address
    return $_SERVER['REMOTE_ADDR'];
}
