package common

import (
	"reflect"

	tea "charm.land/bubbletea/v2"
)

// SequenceCmds unpacks the message of tea.Sequence (an unexported slice of
// commands): a wrapper re-tags them, a test runs them in order.
func SequenceCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type() == reflect.TypeFor[tea.BatchMsg]() ||
		v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}
