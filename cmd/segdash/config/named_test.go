package config

import (
	"slices"
	"testing"
)

func TestWorkspacesNamed(t *testing.T) {
	if got, err := WorkspacesNamed(Config{}, []string{"us", "eu", "us"}); err != nil || !slices.Equal(got, []string{"us", "eu"}) {
		t.Errorf("us eu us: %q %v", got, err)
	}
	if _, err := WorkspacesNamed(Config{}, []string{"all", "us"}); err == nil {
		t.Error("all with another accepted")
	}
	if got, err := WorkspacesNamed(Config{}, []string{"all"}); err != nil || got != nil {
		t.Errorf("all of none: %q %v", got, err)
	}
}
