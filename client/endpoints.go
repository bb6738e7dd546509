package client

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// ErrEndpoint reports an endpoint that is neither a known Braze instance nor
// an acceptable base URL.
var ErrEndpoint = errors.New("invalid endpoint")

// instanceHosts maps every accepted instance shorthand (upper case) to its
// REST host. Both the dashboard names (US-03) and the host names (iad-03)
// are accepted.
var instanceHosts = func() map[string]string {
	m := map[string]string{}
	for n := 1; n <= 8; n++ {
		host := fmt.Sprintf("rest.iad-%02d.braze.com", n)
		m[fmt.Sprintf("US-%02d", n)] = host
		m[fmt.Sprintf("IAD-%02d", n)] = host
	}
	m["US-10"] = "rest.us-10.braze.com"
	m["IAD-10"] = "rest.us-10.braze.com" // older docs name it so
	for n := 1; n <= 2; n++ {
		host := fmt.Sprintf("rest.fra-%02d.braze.eu", n)
		m[fmt.Sprintf("EU-%02d", n)] = host
		m[fmt.Sprintf("FRA-%02d", n)] = host
	}
	m["AU-01"] = "rest.au-01.braze.com"
	return m
}()

var instanceShape = regexp.MustCompile(`^[A-Za-z]{2,3}-?\d{1,2}$`)

// Instances lists the accepted instance names, for help texts and errors.
func Instances() string {
	return "US-01..US-08, US-10, EU-01, EU-02, AU-01 (or iad-01..iad-08, us-10, fra-01, fra-02, au-01)"
}

// ResolveEndpoint turns an instance name (US-03, iad-03, EU-01, ...) or a base
// URL into the REST base URL. https is required, except for loopback hosts,
// where plain http is allowed so that the stand-in API can be used.
func ResolveEndpoint(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("%w: empty; give an instance name (%s) or an https URL", ErrEndpoint, Instances())
	}
	if !strings.Contains(s, "/") && !strings.Contains(s, ".") && !strings.Contains(s, ":") {
		name := strings.ToUpper(s)
		if host, ok := instanceHosts[name]; ok {
			return &url.URL{Scheme: "https", Host: host}, nil
		}
		if instanceShape.MatchString(s) {
			return nil, fmt.Errorf("%w: unknown Braze instance %q; known: %s", ErrEndpoint, s, Instances())
		}
		return nil, fmt.Errorf("%w: %q is neither an instance name (%s) nor an https URL", ErrEndpoint, s, Instances())
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: %q is not a URL with a host (like https://rest.iad-03.braze.com)", ErrEndpoint, s)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%w: credentials do not belong in the endpoint URL; use BRAZE_API_KEY", ErrEndpoint)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%w: the endpoint URL must not carry a query or fragment", ErrEndpoint)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !IsLoopback(u.Hostname()) {
			return nil, fmt.Errorf("%w: plain http is only allowed for loopback hosts; use https://%s", ErrEndpoint, u.Host)
		}
	default:
		return nil, fmt.Errorf("%w: scheme %q is not supported; use https", ErrEndpoint, u.Scheme)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// IsLoopback reports whether host (no port) names this machine: localhost or
// an address in 127.0.0.0/8 or ::1.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
