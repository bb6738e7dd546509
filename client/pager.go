package client

import (
	"context"
	"fmt"

	"github.com/segdash/segdash/client/num"
)

// MaxPages bounds a listing: 1,000 pages are 100,000 segments, far beyond
// any Braze workspace (10,000 segments are 100 pages), so a server that
// never ends its list is refused within seconds and a few tens of MB,
// rather than paged until memory or patience runs out.
const MaxPages = 1000

// pager lists every segment page by page. Pages known to exist (from the
// last listing) are fetched up to ahead at once; beyond them one page at a
// time, so that no request goes past the end: N pages cost at most N+1
// requests (the +1 is the empty page after a full last one). It stops at
// the first short page, and refuses a full page that brings no segment not
// seen before (a server repeating itself).
type pager struct {
	fetch    func(ctx context.Context, page int) ([]Segment, error)
	ahead    int
	known    int
	maxPages int
	// progress, if not nil, gets the segments listed so far whenever they
	// grow; the slice is never written again (later pages append beyond
	// its capacity), so the caller may keep it.
	progress func(sofar []Segment)
	// got holds the pages fetched, including those of an earlier failed
	// listing being resumed; it keeps what arrived when this one fails.
	got map[int][]Segment

	stitched int // pages consumed in order from page 0
}

type pageResult struct {
	page int
	segs []Segment
	err  error
}

// run lists every segment in page order without duplicates.
func (p *pager) run(ctx context.Context) ([]Segment, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		done     = make(chan pageResult)
		started  = map[int]bool{}
		inflight = 0
		next     = 0
		seen     = map[string]bool{}
		out      []Segment
		err      error
		end      bool
	)
	for {
		n := len(out)
		end, out, err = p.stitch(seen, out)
		if p.progress != nil && len(out) > n {
			p.progress(out[:len(out):len(out)])
		}
		if end || err != nil {
			break
		}
		for {
			for _, ok := p.got[next]; ok || started[next]; _, ok = p.got[next] {
				next++
			}
			if next >= p.maxPages || !p.mayStart(next, inflight) {
				break
			}
			started[next] = true
			inflight++
			go func(page int) {
				segs, err := p.fetch(ctx, page)
				done <- pageResult{page, segs, err}
			}(next)
		}
		if inflight == 0 {
			// Nothing in flight and nothing to start: the page bound was
			// reached (stitch says so first); never report a part as all.
			err = &Error{Kind: ErrDecode, Endpoint: pathList, Message: endlessMessage(p.maxPages)}
			break
		}
		r := <-done
		inflight--
		if r.err != nil {
			err = r.err
			break
		}
		p.got[r.page] = r.segs
	}
	// Pages past a failure or the end are not needed; keep the ones that
	// still arrive, for a listing that resumes.
	cancel()
	for ; inflight > 0; inflight-- {
		if r := <-done; r.err == nil {
			p.got[r.page] = r.segs
		}
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// mayStart reports whether page may be requested now.
func (p *pager) mayStart(page, inflight int) bool {
	if page < p.known {
		return inflight < p.ahead
	}
	// Past the known pages, the end may come at any page: ask for one
	// only when every earlier page has arrived and none ended the list.
	return inflight == 0 && p.stitched == page
}

// stitch consumes the pages that follow on in order, reporting the end of
// the list, or an error for a server that repeats itself or never ends.
func (p *pager) stitch(seen map[string]bool, out []Segment) (bool, []Segment, error) {
	for {
		segs, ok := p.got[p.stitched]
		if !ok {
			return false, out, nil
		}
		added := 0
		for _, s := range segs {
			if !seen[s.ID] {
				seen[s.ID] = true
				out = append(out, s)
				added++
			}
		}
		p.stitched++
		if len(segs) < PageSize {
			return true, out, nil
		}
		if added == 0 {
			return false, out, &Error{Kind: ErrDecode, Endpoint: pathList,
				Message: fmt.Sprintf("page %d repeats segments of earlier pages only; the listing stopped", p.stitched-1)}
		}
		if p.stitched >= p.maxPages {
			return false, out, &Error{Kind: ErrDecode, Endpoint: pathList, Message: endlessMessage(p.maxPages)}
		}
	}
}

// pagesSeen is the number of pages a complete listing consumed.
func (p *pager) pagesSeen() int { return p.stitched }

// endlessMessage says that a listing was stopped at the page bound.
func endlessMessage(maxPages int) string {
	return fmt.Sprintf("the segment list goes on past %s segments (%s pages): stopped; "+
		"Braze workspaces are far smaller, so this server's list looks endless",
		num.Grouped(int64(maxPages*PageSize)), num.Grouped(int64(maxPages)))
}
