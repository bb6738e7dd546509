package client

import "fmt"

// PartError is a window that could not be built because some of its
// requests failed. The parts that succeeded are cached, so asking again
// sends only the failed ones.
type PartError struct {
	// From and To are the window's days the first failed part supplies.
	From, To Date
	// Failed of Parts requests failed.
	Failed, Parts int
	// Err is the first failed part's error (an *Error for errors.As).
	Err error
}

// Error names the days that failed and why.
func (e *PartError) Error() string {
	more := ""
	if e.Failed > 1 {
		more = fmt.Sprintf(" and %d more", e.Failed-1)
	}
	return fmt.Sprintf("days %s to %s%s of the window failed (%d of %d requests): %v",
		e.From, e.To, more, e.Failed, e.Parts, e.Err)
}

// Unwrap returns the first failed part's error.
func (e *PartError) Unwrap() error { return e.Err }

// partError returns a *PartError for the failed parts, or nil.
func partError(parts []part, errs []error) error {
	var pe *PartError
	for i, err := range errs {
		if err == nil {
			continue
		}
		if pe == nil {
			pe = &PartError{From: parts[i].from, To: parts[i].to, Parts: len(parts), Err: err}
		}
		pe.Failed++
	}
	if pe == nil {
		return nil
	}
	return pe
}
