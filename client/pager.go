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

// pager lists every segment page by page, up to ahead pages in flight from
// the first page on: the API gives no total, and a listing is bound by
// round trips, not by CPU. It stops launching pages at the first short
// page it sees; and it never runs ahead pages or more beyond the first one
// missing, so a listing asks for at most ahead-1 pages past its end even
// when a server answers out of order (a later page full, an earlier one
// short), and a slow page or a server repeating itself costs a bounded
// number of requests and pages held. Pages known to exist (from the last
// listing) are fetched the same way; past them a page is asked for only
// once the last known page came back full (the workspace grew), so a
// listing whose page count is known sends nothing past the end. It ends at
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
	// short is the lowest page known to be short (the end), or -1.
	short int
}

type pageResult struct {
	page int
	segs []Segment
	err  error
}

// run lists every segment in page order without duplicates.
func (p *pager) run(ctx context.Context) ([]Segment, error) {
	p.short = -1
	for page, segs := range p.got {
		p.noteShort(page, segs)
	}
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
		p.noteShort(r.page, r.segs)
	}
	// The pages still in flight (fewer than ahead) are let finish and
	// kept, for a listing that resumes after a failure: cancelling them
	// would only have them asked for again.
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
	if inflight >= p.ahead || (p.short >= 0 && page > p.short) || page >= p.stitched+p.ahead {
		return false
	}
	if p.known > 0 && page >= p.known {
		// Past the known pages only when the last of them came back full.
		last, ok := p.got[p.known-1]
		return ok && len(last) == PageSize
	}
	return true
}

// noteShort remembers the lowest short page: no page past it is asked for.
func (p *pager) noteShort(page int, segs []Segment) {
	if len(segs) < PageSize && (p.short < 0 || page < p.short) {
		p.short = page
	}
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
