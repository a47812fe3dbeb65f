# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged

from .test_review import ReviewCommon


@tagged("post_install", "-at_install")
class TestReviewForm(ReviewCommon):
    """Issue 20: the four assessments (R3.2) are choices on the form, and the
    decision buttons ask for confirmation only once they are all made."""

    def test_assessments_are_choices_and_checked_before_confirming(self):
        arch = etree.fromstring(
            self.env["sale.order.review"].get_view(view_type="form")["arch"]
        )
        for name in ("capacity", "material", "technology", "delivery"):
            [node] = arch.xpath(f"//sheet//field[@name='{name}']")
            self.assertEqual(node.get("widget"), "radio", name)
        accept = arch.xpath("//header/button[@name='action_accept']")
        self.assertEqual(len(accept), 2)
        confirmed = [b for b in accept if b.get("confirm")]
        self.assertEqual(len(confirmed), 1)
        self.assertIn("not assessed", confirmed[0].get("invisible"))
        review = self._accepted_order().current_review_id
        self.assertFalse(review.assessed)
        review.sudo().write(
            dict.fromkeys(("capacity", "material", "technology", "delivery"), "ok")
        )
        self.assertTrue(review.assessed)
