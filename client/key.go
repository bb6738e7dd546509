package client

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// CheckKey refuses a key that cannot travel as it is in an Authorization
// header: white space or line breaks (a key pasted with its neighbours),
// and any other character outside printable ASCII (a control character,
// which net/http would refuse with a message naming the header, or a
// letter such as é, which would be sent as raw UTF-8). Braze keys are
// letters, digits and dashes. The message never shows the key.
func CheckKey(key string) error {
	if strings.ContainsAny(key, "\r\n\t ") {
		return errors.New("the API key contains white space or line breaks")
	}
	if i := strings.IndexFunc(key, func(r rune) bool { return r < 0x21 || r > 0x7e }); i >= 0 {
		return fmt.Errorf("the API key contains a character that is not printable ASCII (character %d): "+
			"Braze keys are letters, digits and dashes; look for a character that came with a copy and paste",
			utf8.RuneCountInString(key[:i])+1)
	}
	return nil
}

// withoutURL returns the cause of a failed request without net/http's
// *url.Error around it, which names the method and the whole URL: errors
// name the endpoint path instead, and never a URL.
func withoutURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
