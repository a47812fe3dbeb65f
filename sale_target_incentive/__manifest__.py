# Copyright 2026 Order Handling Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sale Target Incentive",
    "summary": "Incentive scales (achievement bands to bonus rate or amount) per "
    "period and salesperson, approved by the sales head, and the bonus of each "
    "salesperson computed from the achievement of their target",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/order-handling-suite/order-handling",
    "author": "Order Handling Suite contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["sale_target_breakdown", "base_tier_validation"],
    "data": [
        "security/ir.model.access.csv",
        "security/sale_target_incentive_security.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "views/sale_target_incentive_scale_views.xml",
        "views/sale_target_incentive_views.xml",
        "views/sale_target_views.xml",
        "views/sale_target_period_views.xml",
        "wizard/sale_target_incentive_compute_views.xml",
        "views/sale_target_incentive_menus.xml",
    ],
    "demo": ["demo/sale_target_incentive_demo.xml"],
}
