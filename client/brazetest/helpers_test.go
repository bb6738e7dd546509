package brazetest

import (
	"strconv"
	"time"

	"github.com/segdash/segdash/client"
)

func itoa(i int) string { return strconv.Itoa(i) }

func dateOf(t time.Time) client.Date { return client.DateOf(t) }
