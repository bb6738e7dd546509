package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/segdash/segdash/client"
)

// isOneLine reports whether s holds no control character and no line or
// paragraph separator.
func isOneLine(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == 0x2028 || r == 0x2029 })
}

// TestHostileErrorBodyIsOneShortLine: a 400 whose message is 5,000 'x',
// the Authorization header echoed and 50 line breaks, with a thousand
// minor errors, gives an error of one line whose server texts are capped
// at MaxMessage characters, with the key redacted.
func TestHostileErrorBodyIsOneShortLine(t *testing.T) {
	const key = "acc-key-0123456789abcdef"
	msg := strings.Repeat("x", 5000) + " Authorization: Bearer " + key + strings.Repeat("\n", 50)
	minor := make([]string, 1000)
	for i := range minor {
		minor[i] = "minor\r\nerror \x1b[2J"
	}
	body, _ := json.Marshal(map[string]any{"message": msg, "errors": minor})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		w.Write(body)
	})
	c, _ := client.New(srv.URL, key, client.WithRetries(0, 0))
	_, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{})
	var ce *client.Error
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *client.Error", err)
	}
	text := err.Error()
	if !isOneLine(text) {
		t.Errorf("%q is more than one line", text)
	}
	// The endpoint, kind and status, two texts of at most MaxMessage
	// characters, and the separators.
	if n := utf8.RuneCountInString(text); n > 2*client.MaxMessage+80 {
		t.Errorf("error of %d characters, want at most %d", n, 2*client.MaxMessage+80)
	}
	if n := utf8.RuneCountInString(ce.Message); n != client.MaxMessage || !strings.HasSuffix(ce.Message, "…") {
		t.Errorf("Message of %d characters ending %q, want %d ending …", n, ce.Message[len(ce.Message)-8:], client.MaxMessage)
	}
	if !strings.HasPrefix(text, "/segments/data_series: bad request (HTTP 400): xxx") {
		t.Errorf("%.80q…: want the endpoint, the status and the message", text)
	}
	for i := 0; i+6 <= len(key); i++ {
		if strings.Contains(text, key[i:i+6]) {
			t.Fatalf("%q holds %q of the key", text, key[i:i+6])
		}
	}
}

// TestErrorBodyTextKeptWhole: a short message keeps its words, one space
// where line breaks and escape sequences (whole) were, and the key redacted.
func TestErrorBodyTextKeptWhole(t *testing.T) {
	const key = "acc-key-0123456789abcdef"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"message":"Invalid API key:\n\n` + key + `\r\n\u001b[31m\u202eend","errors":["a\tb"]}`))
	})
	c, _ := client.New(srv.URL, key)
	_, _, err := c.DataSeries(context.Background(), "x", 1, time.Time{})
	want := "/segments/data_series: unauthorized (HTTP 401): Invalid API key: [redacted] end [a b] — check the API key"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q, want %q…", err, want)
	}
}

// TestWarningsAreOneShortLine: the non-fatal errors of a success body are
// passed on as one line each, capped.
func TestWarningsAreOneShortLine(t *testing.T) {
	body, _ := json.Marshal(map[string]any{"message": "success", "data": []any{},
		"errors": []string{strings.Repeat("w\n", 400)}})
	s, _, err := bodyClient(200, string(body)).DataSeries(context.Background(), "x", 1, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || !isOneLine(s.Warnings[0]) || utf8.RuneCountInString(s.Warnings[0]) != client.MaxMessage {
		t.Errorf("warnings %q, want one line of %d characters", s.Warnings, client.MaxMessage)
	}
}
