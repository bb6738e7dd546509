package common

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"syscall"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/ui/output"
)

// ShortError is an error as one pane line or notice shows it: the cause
// first, in words ("connection refused", "timed out", Braze's own message),
// then the status; never a URL, so that a cut line keeps what matters.
func ShortError(err error) string {
	var ce *client.Error
	if errors.As(err, &ce) {
		msg := ce.Message
		if msg == "" && ce.Err != nil {
			msg = Cause(ce.Err)
		}
		kind := ce.Kind.Error()
		switch {
		case ce.StatusCode != 0:
			kind = fmt.Sprintf("HTTP %d", ce.StatusCode)
		case errors.Is(ce, client.ErrTransport) && msg != "":
			return output.SafeText(msg) // "connection refused" says it all
		}
		if msg == "" {
			return output.SafeText(kind)
		}
		return output.SafeText(msg + " (" + kind + ")")
	}
	return output.SafeText(Cause(err))
}

// Cause says in words why err happened, the reason before any name or
// address: "connection refused", "timed out", "host not found",
// "no such file or directory: /path".
func Cause(err error) string {
	var (
		dns  *net.DNSError
		path *fs.PathError
		ue   *url.Error
		ne   net.Error
		cert x509.UnknownAuthorityError
		host x509.HostnameError
	)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "network unreachable"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return "host not found: " + dns.Name
		}
		return "DNS lookup failed: " + dns.Name
	case errors.As(err, &cert), errors.As(err, &host):
		return "TLS certificate not accepted"
	case errors.As(err, &path):
		return Cause(path.Err) + ": " + path.Path
	case errors.As(err, &ue):
		return Cause(ue.Err) // the URL is the least of it
	}
	return err.Error()
}

// IsAuthError reports a 401 or 403: the key, instance or permission is wrong.
func IsAuthError(err error) bool {
	return errors.Is(err, client.ErrUnauthorized) || errors.Is(err, client.ErrForbidden)
}
