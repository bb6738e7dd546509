package config

import (
	"regexp"
	"strings"

	"github.com/segdash/segdash/client"
)

// keyNotShown is what an error says in place of a value that looks like
// an API key.
const keyNotShown = "(a value shaped like an API key: not shown)"

// minScrubbed is the shortest key scrubbed from error messages: shorter
// ones are not real keys (tests use one letter), and scrubbing them would
// cut every word that holds that letter.
const minScrubbed = 8

// envName is what an environment variable may be called.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// secretValue says whether v, a value that should be something else (a
// file, a variable name, a theme, an endpoint), is an API key: shaped like
// one, or holding the key in use or the environment's BRAZE_API_KEY in any
// case. An error about such a value must not quote it.
func (c *Config) secretValue(v string) bool {
	if client.LooksLikeKey(v) {
		return true
	}
	keys := []string{c.APIKey}
	if c.getenv != nil {
		keys = append(keys, c.getenv("BRAZE_API_KEY"))
	}
	for _, k := range keys {
		if k = strings.TrimSpace(k); len(k) >= minScrubbed && client.Redact(v, k) != v {
			return true
		}
	}
	return false
}

// scrubbedError is an error whose text had a key taken out; it still
// unwraps to the original for errors.Is.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

// scrub takes every key of keys (any part of it, in any case) out of err's
// text: whatever value of the file or the command line an error quotes, a
// key pasted there never reaches the screen or a log.
func scrub(err error, keys ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, k := range keys {
		if k = strings.TrimSpace(k); len(k) >= minScrubbed {
			msg = client.Redact(msg, k)
		}
	}
	if msg == err.Error() {
		return err
	}
	return &scrubbedError{msg: msg, err: err}
}
