# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# --- approvals, change and cancel requests (R7.1–R7.3)

# --- confidentiality, security of information, archive, access requests (R7.4–R7.7)
