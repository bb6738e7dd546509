package common

import (
	"context"
	"errors"
	"net"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

// TestShortErrorSaysTheCauseFirst: a request to a closed port reads
// "connection refused", not `Get "http://…/segments/list?…": dial tcp …`;
// a file error puts the reason before the path; Braze's message comes with
// its status.
func TestShortErrorSaysTheCauseFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	c, err := client.New("http://"+addr, "test-key-1234567890", client.WithRetries(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.ListSegments(context.Background(), 0, client.SortAsc)
	if got := ShortError(err); got != "connection refused" {
		t.Errorf("closed port: %q (from %v)", got, err)
	}
	_, err = os.Open("/nonexistent/dir/segdash-export.csv")
	if got := ShortError(err); got != "no such file or directory: /nonexistent/dir/segdash-export.csv" {
		t.Errorf("file: %q", got)
	}
	timeout := &client.Error{Kind: client.ErrTransport, Endpoint: "/segments/data_series",
		Err: &url.Error{Op: "Get", URL: "http://127.0.0.1:1/segments/data_series?length=30", Err: context.DeadlineExceeded}}
	if got := ShortError(timeout); got != "timed out" {
		t.Errorf("timeout: %q", got)
	}
	bad := &client.Error{Kind: client.ErrBadRequest, StatusCode: 400, Message: "Segment does not have analytics tracking enabled"}
	if got := ShortError(bad); got != "Segment does not have analytics tracking enabled (HTTP 400)" {
		t.Errorf("Braze's message: %q", got)
	}
	if got := ShortError(errors.New("plain")); got != "plain" {
		t.Errorf("plain: %q", got)
	}
	var ne net.Error = &net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}
	if got := Cause(ne); !strings.Contains(got, "timed out") {
		t.Errorf("net timeout: %q", got)
	}
}
