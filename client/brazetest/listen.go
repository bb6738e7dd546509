package brazetest

// This file serves the stand-in on loopback (the demo, `segdash
// demo-api`) and runs its clock as a time-lapse.

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/segdash/segdash/client"
)

// Server is a Handler listening on loopback.
type Server struct {
	*Handler
	// URL is the base URL, e.g. http://127.0.0.1:41234.
	URL string
	// Key is a key with every permission.
	Key string
	srv *http.Server
	ln  net.Listener
}

// Start serves a new Handler on addr (default "127.0.0.1:0": any free port).
// Only loopback addresses are accepted.
func Start(addr string, o Options) (*Server, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if !client.IsLoopback(host) {
		return nil, fmt.Errorf("listen address %q: the stand-in API only listens on loopback (127.0.0.1, ::1, localhost)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	h := NewHandler(o)
	key := DemoKey
	for k, p := range h.keys {
		if len(p) == len(AllPermissions()) {
			key = k
			break
		}
	}
	s := &Server{Handler: h, URL: "http://" + ln.Addr().String(), Key: key, ln: ln,
		srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server at once.
func (s *Server) Close() error { return s.srv.Close() }

// TimeLapse returns a clock that starts at start and runs one simulated day
// every dayEvery of real time (read from realNow), so the demo visibly moves.
func TimeLapse(start time.Time, dayEvery time.Duration, realNow func() time.Time) func() time.Time {
	origin := realNow()
	speed := float64(24*time.Hour) / float64(dayEvery)
	return func() time.Time {
		return start.Add(time.Duration(float64(realNow().Sub(origin)) * speed))
	}
}
