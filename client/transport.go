package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"
)

// transportText says in words a user understands why a request got no
// answer, or only part of one (answering: the status line came, the body
// did not): the connection closed, timed out after the bound, was
// refused or reset, the host name is unknown, or TLS failed. It names
// neither the key nor a URL nor a host. "" when the cause is none of
// these; the cause's own text is shown then.
func transportText(err error, bound time.Duration, answering bool) string {
	before := "before Braze answered"
	if answering {
		before = "while Braze was answering"
	}
	var (
		dns    *net.DNSError
		ne     net.Error
		record tls.RecordHeaderError
		alert  tls.AlertError
		ralert *net.OpError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &dns):
		switch {
		case dns.IsNotFound:
			return "host not found (DNS): check the endpoint"
		case dns.IsTimeout:
			return "the DNS lookup timed out"
		}
		return "the DNS lookup failed"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "the connection was reset " + before
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "network unreachable"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return TimedOutText(bound) + waitingFor(answering)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the connection closed " + before
	case errors.As(err, &record), strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// net/http replaces the TLS record error with its own text.
		return "TLS failed: the endpoint does not speak TLS"
	}
	if t := tlsText(err); t != "" {
		return t
	}
	if errors.As(err, &alert) || errors.As(err, &ralert) && ralert.Op == "remote error" {
		return "TLS failed: the server refused the handshake"
	}
	return ""
}

// tlsText names a certificate the client did not accept, "" for any other
// error.
func tlsText(err error) string {
	var (
		authority x509.UnknownAuthorityError
		host      x509.HostnameError
		invalid   x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &authority):
		return "TLS failed: certificate signed by an unknown authority"
	case errors.As(err, &host):
		return "TLS failed: the certificate is not for this host"
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return "TLS failed: the certificate has expired"
		}
		return "TLS failed: the certificate is not valid"
	}
	return ""
}

// waitingFor completes "timed out after N s" when the answer had begun.
func waitingFor(answering bool) string {
	if answering {
		return " while Braze was answering"
	}
	return ""
}

// TimedOutText is how every timeout reads: "timed out after 10 s", with
// the bound that ended the wait ("timed out" when it is not known).
func TimedOutText(bound time.Duration) string {
	if bound <= 0 {
		return "timed out"
	}
	return "timed out after " + formatBound(bound)
}

// formatBound writes a bound as people read it: "10 s", "1.5 s", "250 ms",
// "2 min".
func formatBound(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d%time.Minute == 0:
		return fmt.Sprintf("%d min", int(d/time.Minute))
	case d%time.Second == 0:
		return fmt.Sprintf("%d s", int(d/time.Second))
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
