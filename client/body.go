package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// checkJSON refuses a body that is no JSON answer: an HTML page (a proxy's
// error page, a login portal) or nothing at all.
func checkJSON(h http.Header, body []byte) error {
	if ct := h.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == "text/html" {
			return errors.New("the server answered with an HTML page instead of JSON")
		}
	}
	if looksHTML(body) {
		return errors.New("the server answered with an HTML page instead of JSON")
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return errors.New("empty body")
	}
	return nil
}

func looksHTML(body []byte) bool {
	s := strings.ToLower(strings.TrimSpace(string(body[:min(len(body), 64)])))
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

func describeJSONError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("malformed JSON at byte %d: %v", se.Offset, err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("truncated JSON body")
	}
	return fmt.Errorf("unexpected JSON: %v", err)
}
