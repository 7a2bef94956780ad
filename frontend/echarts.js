// The ECharts the site serves: only the chart types and components our pages use, so a first
// visit downloads a fraction of the full 1 MB file. Bundled by esbuild (`make`), never committed.
// When generator/charts.py or overview_charts.py start using another series type or component,
// add it here; the browser tests fail on a chart that does not draw.
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import {
  AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent,
  TooltipComponent, SVGRenderer]);

export * from "echarts/core";
