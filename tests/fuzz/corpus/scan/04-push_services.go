package push

import (
	"bytes"
	"net/http"
)

func send(token string) {
	// expect: third-party-api user.device.push_token @expo
	http.Post("https://exp.host/--/api/v2/push/send", "application/json", bytes.NewReader([]byte(token)))
}
