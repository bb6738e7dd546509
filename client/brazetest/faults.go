package brazetest

import (
	"math"
	"net/http"
	"strings"
	"time"
)

// BodyFault spoils a response body.
type BodyFault int

// The ways a body can be spoilt.
const (
	BodyOK        BodyFault = iota
	BodyMalformed           // not JSON at all
	BodyTruncated           // valid JSON cut off midway
	BodyHTML                // an HTML error page (as a proxy would send)
	BodySlow                // the body trickles out over Fault.Latency
)

// Fault describes what goes wrong with a request. The zero Fault does nothing.
type Fault struct {
	// Latency delays the answer (for BodySlow: spreads the body over it).
	Latency time.Duration
	// Status, if not 0, is sent instead of the real answer, with a Braze
	// style error body ({"message": Message}).
	Status  int
	Message string
	// Body spoils an otherwise successful body.
	Body BodyFault
	// Rate is the share of requests affected, in (0,1]; 0 means all.
	Rate float64
}

// applies decides deterministically whether request number n is affected.
func (f Fault) applies(n int64) bool {
	if f.Rate <= 0 || f.Rate >= 1 {
		return true
	}
	// Weyl sequence: evenly spread, reproducible.
	_, frac := math.Modf(float64(n) * 0.6180339887498949)
	return frac < f.Rate
}

func (f Fault) active() bool { return f != Fault{} }

// spoil writes body as f.Body says: malformed, cut in half, replaced by an
// HTML error page, trickled out slowly, or as it is.
func (f Fault) spoil(w http.ResponseWriter, status int, body []byte) {
	switch f.Body {
	case BodyMalformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(`{"message":"success","data":[{"time":"2022-`))
		w.Write([]byte("\x00garbage}}"))
	case BodyTruncated:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(body[:len(body)/2])
	case BodyHTML:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"))
	case BodySlow:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		chunks := 10
		step := f.Latency / time.Duration(chunks)
		size := (len(body) + chunks - 1) / chunks
		fl, _ := w.(http.Flusher)
		for i := 0; i < len(body); i += size {
			w.Write(body[i:min(i+size, len(body))])
			if fl != nil {
				fl.Flush()
			}
			time.Sleep(step)
		}
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(body)
	}
}

// endpointName maps a request path to the counter name.
func endpointName(path string) string {
	switch {
	case strings.HasSuffix(path, "/segments/list"):
		return "list"
	case strings.HasSuffix(path, "/segments/data_series"):
		return "data_series"
	case strings.HasSuffix(path, "/segments/details"):
		return "details"
	}
	return "other"
}
