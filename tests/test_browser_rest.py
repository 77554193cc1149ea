"""The other half of the pages in the browser sweep (test_browser.py has the first): the
same tests, run by a second test worker at the same time."""

import pytest

from test_browser import (  # noqa: F401  (collected here a second time, for these pages)
    sweep_pages,
    test_every_page_has_the_help_link_at_the_top_and_keeps_it_in_view,
    test_no_page_does_anything_its_policy_blocks,
    test_no_page_fails_to_load_a_file_or_logs_an_error,
    test_no_page_has_accessibility_violations,
    test_no_page_has_accessibility_violations_in_dark_mode,
    test_no_page_requests_anything_from_another_host,
    test_no_page_scrolls_sideways_on_a_narrow_phone,
    test_on_a_phone_the_help_link_is_at_the_top_of_every_page,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sweep(html, site, book_profile):
    return sweep_pages(html, site, book_profile, half=1)
