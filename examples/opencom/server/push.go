package server

import (
	"bytes"
	"encoding/json"
	"log"
	"net/http"
)

type Device struct {
	VisitorID string
	PushToken string
	Platform  string
}

// Disclosed: push tokens are sent to the notification provider (Expo).
func notify(d Device, conversationID string) error {
	body, _ := json.Marshal(map[string]string{"to": d.PushToken, "body": "New message", "data": conversationID})
	_, err := http.Post("https://exp.host/--/api/v2/push/send", "application/json", bytes.NewReader(body))
	return err
}

func handleVisitor(email string, r *http.Request) {
	// VIOLATION (personal-data-in-log): the visitor's email goes to the server log.
	log.Printf("visitor identified: %s", email)
}
