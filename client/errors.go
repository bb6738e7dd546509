package client

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel kinds of failure. Every error the client returns for a request
// matches exactly one of them with errors.Is, and is an *Error for errors.As.
var (
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden")
	ErrBadRequest   = errors.New("bad request")
	ErrNotFound     = errors.New("not found")
	ErrRateLimited  = errors.New("rate limited")
	ErrServer       = errors.New("server error")
	ErrTransport    = errors.New("transport error")
	ErrDecode       = errors.New("decode error")
	// ErrOffline is returned by an offline cache instead of any request.
	ErrOffline = errors.New("offline: no request sent")
	// ErrRedirect is returned when the server answers with a redirect:
	// Braze never redirects, and following one would send the API key to
	// wherever it points.
	ErrRedirect = errors.New("redirect refused")
	// ErrInvalidArgument is returned before any request for arguments the
	// API would refuse (an empty segment id, a length outside 1..100).
	ErrInvalidArgument = errors.New("invalid argument")
)

// Error is a failed call to one Braze endpoint.
type Error struct {
	// Kind is one of the sentinel errors above.
	Kind error
	// Endpoint is the path called, e.g. "/segments/data_series".
	Endpoint string
	// StatusCode is the HTTP status, 0 when no answer came.
	StatusCode int
	// Message is Braze's own message, with the API key redacted, on one
	// line of at most MaxMessage characters; when no whole answer came, it
	// says why in words ("the connection closed before Braze answered",
	// "timed out after 15 s"), and Err holds
	// the cause as Go reported it.
	Message string
	// Errors are Braze's minor error strings.
	Errors []string
	// Permission is the key permission the endpoint needs (for 403).
	Permission string
	// Reset is when the rate limit window resets (for 429), if known.
	Reset time.Time
	// Err is the underlying cause, if any (network or JSON error).
	Err error

	retryWait  time.Duration // from Retry-After, when present
	retryKnown bool
}

// Error describes the failure in one line, naming the endpoint, with a hint
// of what to check.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Endpoint)
	b.WriteString(": ")
	b.WriteString(e.Kind.Error())
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	// Each text is made one line again: an Error may be built elsewhere
	// than from an answer, and many minor errors must not make a long one.
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(oneLine(e.Message, MaxMessage))
	}
	if len(e.Errors) > 0 {
		b.WriteString(" [")
		b.WriteString(oneLine(strings.Join(e.Errors, "; "), MaxMessage))
		b.WriteString("]")
	}
	if e.Err != nil && e.Message == "" {
		b.WriteString(": ")
		b.WriteString(oneLine(e.Err.Error(), MaxMessage))
	}
	if h := e.Hint(); h != "" {
		b.WriteString(" — ")
		b.WriteString(h)
	}
	return b.String()
}

// Hint says what the user should check for this kind of failure.
func (e *Error) Hint() string {
	switch e.Kind {
	case ErrUnauthorized:
		return "check the API key, and that the endpoint is your workspace's instance"
	case ErrForbidden:
		if e.Permission != "" {
			return fmt.Sprintf("the API key needs the %s permission", e.Permission)
		}
		return "the API key lacks a permission, or the account is inactive"
	case ErrRateLimited:
		if !e.Reset.IsZero() {
			return "the limit resets at " + e.Reset.UTC().Format(time.TimeOnly) + " UTC"
		}
	}
	return ""
}

// Is matches the error's kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Retryable reports whether a later identical call may succeed.
func (e *Error) Retryable() bool {
	return e.Kind == ErrServer || e.Kind == ErrTransport || e.Kind == ErrRateLimited
}

// kindForStatus maps an HTTP status to an error kind.
func kindForStatus(status int) error {
	switch {
	case status == 401:
		return ErrUnauthorized
	case status == 403:
		return ErrForbidden
	case status == 404:
		return ErrNotFound
	case status == 429:
		return ErrRateLimited
	case status >= 500:
		return ErrServer
	default:
		return ErrBadRequest
	}
}

// permissionFor names the key permission each endpoint needs.
func permissionFor(endpoint string) string {
	switch endpoint {
	case pathList:
		return "segments.list"
	case pathSeries:
		return "segments.data_series"
	case pathDetails:
		return "segments.details"
	}
	return ""
}
