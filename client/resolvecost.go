package client

import "strings"

// ResolveCost is how many requests ResolveRefs(refs, false) would send
// now, as far as the cache can tell before it asks. A few ids (FewIDs)
// cost a /segments/details request each whose details it does not hold
// (a key without that permission lists the workspace instead: not
// counted). Other references cost nothing when the listing held is young
// enough and names them all, or when this process listed it less than
// RecentListing ago (ResolveRefs trusts it); else one listing: the pages
// of the last one. A workspace never listed has no known size: its first
// listing is counted as the round of pages sent before the list's end is
// known, the least it costs. `check` over SSH states it before it runs.
func (c *Cache) ResolveCost(refs []string) int {
	if FewIDs(refs) {
		return c.detailsCost(refs)
	}
	maxAge := c.listMaxAge()
	c.mu.Lock()
	all, listedAt, held := c.list.get(listKey{})
	pages, saved := c.listPages, c.listSaved
	c.mu.Unlock()
	if held {
		if age := c.o.Now().Sub(listedAt); age < maxAge {
			if !saved && age < RecentListing {
				return 0
			}
			if _, problems := Resolve(all, refs, true); len(problems) == 0 && !unlistedID(all, refs) {
				return 0
			}
		}
		pages = max(pages, len(all)/PageSize+1)
	}
	if pages == 0 {
		return min(c.client.pageAhead, c.o.MaxInFlight)
	}
	return pages
}

// detailsCost is how many of ids have no details the cache would serve.
func (c *Cache) detailsCost(ids []string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, seen := 0, map[string]bool{}
	for _, ref := range ids {
		id := strings.TrimSpace(ref)
		if seen[id] {
			continue
		}
		seen[id] = true
		if _, fetched, ok := c.details.get(id); !ok || c.o.Now().Sub(fetched) >= c.o.DetailsTTL {
			n++
		}
	}
	return n
}
