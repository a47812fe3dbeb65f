from . import stock_picking_receipt_confirm
