package monitor

import (
	"context"
	"sync"
)

// Hub runs one scan at a time for many viewers: under `segdash serve` a
// second viewer who starts a scan joins the one running and costs no
// request. The zero value is not usable; use NewHub.
type Hub struct {
	ctx context.Context
	mu  sync.Mutex
	job *job
}

// NewHub returns a hub whose scans end when ctx does.
func NewHub(ctx context.Context) *Hub { return &Hub{ctx: ctx} }

// job is one running (or finished) scan and its viewers.
type job struct {
	scope  string
	cancel context.CancelFunc
	done   chan struct{}

	mu       sync.Mutex
	progress Progress
	report   *Report
	viewers  map[*Ticket]struct{}
}

// Ticket is one viewer's hold on a scan.
type Ticket struct {
	job     *job
	updates chan struct{}
	// Joined is true when the viewer joined a scan already running.
	Joined bool
	// Scope is the running scan's scope, which may differ from the one
	// asked for when another scan was running.
	Scope string
}

// RunFunc runs a scan, reporting progress as it goes.
type RunFunc func(ctx context.Context, progress func(Progress)) *Report

// Join starts a scan of scope with run, or joins the one running (of any
// scope: one scan at a time keeps the API's hourly budget for everyone).
func (h *Hub) Join(scope string, run RunFunc) *Ticket {
	h.mu.Lock()
	defer h.mu.Unlock()
	if j := h.job; j != nil {
		select {
		case <-j.done:
		default:
			return j.add(true)
		}
	}
	ctx, cancel := context.WithCancel(h.ctx)
	j := &job{scope: scope, cancel: cancel, done: make(chan struct{}), viewers: map[*Ticket]struct{}{}}
	h.job = j
	t := j.add(false)
	go func() {
		rep := run(ctx, j.setProgress)
		j.mu.Lock()
		j.report = rep
		j.progress = rep.Progress
		j.mu.Unlock()
		cancel()
		close(j.done)
		j.notify()
	}()
	return t
}

func (j *job) add(joined bool) *Ticket {
	t := &Ticket{job: j, updates: make(chan struct{}, 1), Joined: joined, Scope: j.scope}
	j.mu.Lock()
	j.viewers[t] = struct{}{}
	j.mu.Unlock()
	return t
}

func (j *job) setProgress(p Progress) {
	j.mu.Lock()
	j.progress = p
	j.mu.Unlock()
	j.notify()
}

// notify wakes every viewer; a viewer that has not looked yet is woken once.
func (j *job) notify() {
	j.mu.Lock()
	defer j.mu.Unlock()
	for t := range j.viewers {
		select {
		case t.updates <- struct{}{}:
		default:
		}
	}
}

// Updates is signalled when the scan's progress changes and when it ends;
// signals coalesce, so read Progress or Report after each.
func (t *Ticket) Updates() <-chan struct{} { return t.updates }

// Done is closed when the scan has ended.
func (t *Ticket) Done() <-chan struct{} { return t.job.done }

// Progress is how far the scan has come.
func (t *Ticket) Progress() Progress {
	t.job.mu.Lock()
	defer t.job.mu.Unlock()
	return t.job.progress
}

// Report is the scan's answer, nil until it has ended.
func (t *Ticket) Report() *Report {
	t.job.mu.Lock()
	defer t.job.mu.Unlock()
	return t.job.report
}

// Leave lets go of the scan; when the last viewer leaves a running scan, it
// is cancelled (what it fetched stays in the cache) and Leave reports true.
// Done still closes when the scan has ended either way.
func (t *Ticket) Leave() (cancelled bool) {
	j := t.job
	j.mu.Lock()
	delete(j.viewers, t)
	last := len(j.viewers) == 0
	j.mu.Unlock()
	if last {
		j.cancel()
	}
	return last
}

// Running returns the scope of the scan running now, if any.
func (h *Hub) Running() (scope string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.job == nil {
		return "", false
	}
	select {
	case <-h.job.done:
		return "", false
	default:
		return h.job.scope, true
	}
}
