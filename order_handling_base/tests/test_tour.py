# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    # every section of the Order Handling menu bar visible: at the default
    # 1366 px the suite's sections overflow into the "more" menu
    browser_size = "1920x1080"

    def test_departments_menu(self):
        self.start_tour("/odoo", "order_handling_base_departments", login="admin")
