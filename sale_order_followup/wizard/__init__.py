from . import sale_followup_notice_cancel
