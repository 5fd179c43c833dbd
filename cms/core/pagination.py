"""Links to the pages of a list of results, shared by the public lists (opportunities,
partner directory, site search) and drawn by `components/pagination.html`."""


def page_links(paginator, current, url):
    """The links of a page of results: `pages` (None for an ellipsis), `previous_url` and
    `next_url` ("" at either end); None when everything fits on one page.

    `url(number)` gives the address of page `number`, keeping the list's filters."""
    if paginator.num_pages <= 1:
        return None
    numbers = paginator.get_elided_page_range(current.number, on_each_side=1, on_ends=1)
    return {
        "pages": [
            {"number": number, "url": url(number), "is_current": number == current.number}
            if number != paginator.ELLIPSIS
            else None
            for number in numbers
        ],
        "previous_url": url(current.previous_page_number()) if current.has_previous() else "",
        "next_url": url(current.next_page_number()) if current.has_next() else "",
    }
