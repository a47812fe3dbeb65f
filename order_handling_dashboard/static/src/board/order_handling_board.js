/** @odoo-module **/
// Copyright 2026 Order Handling Suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {BoardAction} from "@board/board_action";
import {BoardController} from "@board/board_controller";
import {boardView} from "@board/board_view";
import {Component, markup, onWillStart, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {formatFloat, formatInteger} from "@web/views/fields/formatters";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * The tiles row: the figures of order.handling.dashboard.get_tiles() (one
 * call), each opening the list behind it.
 */
export class OrderHandlingDashboardTiles extends Component {
    static template = "order_handling_dashboard.DashboardTiles";
    static props = {};

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({tiles: []});
        onWillStart(async () => {
            this.state.tiles = await this.orm.call(
                "order.handling.dashboard",
                "get_tiles",
                []
            );
        });
    }

    hasValue(tile) {
        return tile.value !== null && tile.value !== false;
    }

    formatValue(tile) {
        if (!this.hasValue(tile)) {
            return _t("No data");
        }
        if (tile.unit === "%") {
            return `${formatFloat(tile.value, {digits: [16, 1]})} %`;
        }
        return formatInteger(tile.value);
    }

    open(action) {
        if (action.help) {
            action = {...action, help: markup(action.help)};
        }
        this.actionService.doAction(action);
    }
}

/**
 * A box of the dashboard: never Odoo's sample records, and the action's own
 * help ("No data yet ...") when there is nothing to chart.
 */
export class OrderHandlingBoardAction extends BoardAction {
    static template = "order_handling_dashboard.BoardAction";

    get boardViewProps() {
        const props = {...this.viewProps, useSampleModel: false};
        const result = BoardAction.cache[this.props.action.actionId];
        if (result && result.help) {
            props.noContentHelp = markup(result.help);
        }
        return props;
    }
}

export class OrderHandlingBoardController extends BoardController {
    static template = "order_handling_dashboard.BoardView";
    static components = {
        ...BoardController.components,
        BoardAction: OrderHandlingBoardAction,
        OrderHandlingDashboardTiles,
    };
}

export const orderHandlingBoardView = {
    ...boardView,
    Controller: OrderHandlingBoardController,
};

registry.category("views").add("order_handling_board", orderHandlingBoardView);
