package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// NewConfigPathCmd is `segdash config path`: it prints path(cmd) on out,
// and on errw a note when the file does not exist yet.
func NewConfigPathCmd(out, errw io.Writer, path func(*cobra.Command) (string, error)) *cobra.Command {
	return &cobra.Command{
		Use:     "path",
		Short:   "Print the path of the config file in effect",
		Long:    ConfigPathLong,
		Example: ConfigPathExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := path(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(out, p)
			if _, err := os.Lstat(p); err != nil {
				fmt.Fprintln(errw, "segdash: the file does not exist yet; segdash config init writes a template there")
			}
			return nil
		},
	}
}

// NewConfigInitCmd is `segdash config init`: it writes the template
// (write) at path(cmd).
func NewConfigInitCmd(out io.Writer, path func(*cobra.Command) (string, error), write func(string) error) *cobra.Command {
	return &cobra.Command{
		Use:     "init",
		Short:   "Write a commented config template to the config path",
		Long:    ConfigInitLong,
		Example: ConfigInitExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := path(cmd)
			if err != nil {
				return err
			}
			if err := write(p); err != nil {
				return err
			}
			fmt.Fprintln(out, "wrote "+p)
			return nil
		},
	}
}
