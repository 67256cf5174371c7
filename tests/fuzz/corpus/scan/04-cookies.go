package web

import "net/http"

func login(w http.ResponseWriter, r *http.Request, sessionToken string) {
	// expect: cookie user.authorization.credentials
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionToken, MaxAge: 86400, HttpOnly: true})
}
