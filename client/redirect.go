package client

import (
	"fmt"
	"net/http"
)

// redirectError is why a redirect was not followed.
type redirectError struct {
	status int
	to     string // scheme and host only
}

func (e *redirectError) Error() string {
	return fmt.Sprintf("the server redirected to %s; Braze never redirects, so it was not followed and the API key was not sent there", e.to)
}

// refusingRedirects returns a copy of hc that follows no redirect: every
// request carries the key, and a redirect could take it to another host or
// to plain http. The caller's client is left as it was.
func refusingRedirects(hc *http.Client) *http.Client {
	cp := *hc
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		status := 0
		if req.Response != nil {
			status = req.Response.StatusCode
		}
		return &redirectError{status: status, to: req.URL.Scheme + "://" + req.URL.Host}
	}
	return &cp
}
