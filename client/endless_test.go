package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/segdash/segdash/client"
)

// endlessList serves /segments/list pages of PageSize new ids each, for
// ever up to page MaxPages-1; a request past the bound is answered 400, so
// a client that pages further fails at once instead of running on. It
// counts the requests.
func endlessList(t *testing.T) (string, *atomic.Int32) {
	var n atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		var p int
		fmt.Sscan(r.URL.Query().Get("page"), &p)
		if p >= client.MaxPages {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"message":"page %d is past the bound"}`, p)
			return
		}
		var b strings.Builder
		b.WriteString(`{"message":"success","segments":[`)
		for i := range client.PageSize {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"p%d-%d","name":"n"}`, p, i)
		}
		b.WriteString(`]}`)
		fmt.Fprint(w, b.String())
	})
	return srv.URL, &n
}

// TestEndlessListingStopsAtTheDefaultBound: a server whose every page
// brings 100 new ids is stopped after 1,000 pages (100,000 segments), by
// check's listing and by the dashboard's (the cache), with an error that
// names the bound.
func TestEndlessListingStopsAtTheDefaultBound(t *testing.T) {
	const want = "/segments/list: decode error: the segment list goes on past 100,000 segments (1,000 pages): stopped;"
	listings := map[string]func(c *client.Client) error{
		"AllSegments": func(c *client.Client) error {
			_, err := c.AllSegments(context.Background(), nil)
			return err
		},
		"Cache.Segments": func(c *client.Client) error {
			_, err := client.NewCache(c, client.CacheOptions{}).Segments(context.Background(), 0, nil)
			return err
		},
	}
	for name, list := range listings {
		t.Run(name, func(t *testing.T) {
			url, n := endlessList(t)
			c, _ := client.New(url, "k", client.WithRetries(0, 0))
			err := list(c)
			if !errors.Is(err, client.ErrDecode) || err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("err = %v, want %q…", err, want)
			}
			if got := n.Load(); got != 1000 {
				t.Errorf("%d requests, want 1000", got)
			}
		})
	}
}
