package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
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
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		// In the API's terms: the field as the body names it and what it
		// holds, not Go's struct and type names.
		field := te.Field
		if field == "" {
			field = "the body"
		}
		return fmt.Errorf("%s: %s where %s was expected", field, jsonValueName(te.Value), jsonKindName(te.Type.Kind()))
	}
	return fmt.Errorf("unexpected JSON: %v", err)
}

// jsonValueName names what a JSON value is, from UnmarshalTypeError.Value
// ("string", "number 1e30", "array", …).
func jsonValueName(v string) string {
	if n, ok := strings.CutPrefix(v, "number "); ok {
		return "the number " + oneLine(n, 40)
	}
	switch v {
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "bool":
		return "true or false"
	case "number", "string":
		return "a " + v
	}
	return oneLine(v, 40)
}

// jsonKindName names the JSON value a Go kind is read from.
func jsonKindName(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another value"
}
