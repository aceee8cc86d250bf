package dev.deepbuild.build.report;

/** The reports' style sheet: readable tables, status badges, and room for the charts. */
final class Style {
  static final String CSS = """
      :root { color-scheme: light; }
      body { margin: 0; background: #f4f5f7; color: #1d232a;
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
      main { max-width: 1200px; margin: 0 auto; padding: 16px 20px 40px; box-sizing: border-box; }
      a { color: #1f5fa8; }
      header { margin-bottom: 8px; }
      header .back { font-size: 13px; }
      h1 { font-size: 26px; margin: 6px 0 4px; display: flex; align-items: center; gap: 12px;
        flex-wrap: wrap; }
      h2 { font-size: 17px; margin: 0 0 12px; }
      .sub, .note { color: #5b6670; margin: 4px 0 0; }
      .note { font-size: 13px; }
      section { background: #fff; border: 1px solid #dde1e6; border-radius: 8px;
        padding: 16px 18px; margin: 16px 0; }
      table { border-collapse: collapse; }
      th, td { padding: 6px 12px 6px 0; border-bottom: 1px solid #e6e9ed; text-align: left;
        vertical-align: top; }
      thead th { color: #5b6670; font-weight: 600; font-size: 13px; border-bottom-color: #c9ced4; }
      .accepted { color: #5b6670; font-size: 12px; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .message { overflow-wrap: anywhere; }
      .wide { width: 100%; }
      code { font-size: 13px; overflow-wrap: anywhere; }
      pre.error { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff6e5;
        border: 1px solid #f0d49a; border-radius: 6px; padding: 10px 12px; margin: 0; }
      .badge { display: inline-block; padding: 2px 9px; border-radius: 10px; font-size: 12px;
        font-weight: 600; line-height: 1.5; white-space: nowrap; }
      h1 .badge { font-size: 14px; }
      .badge.passed { background: #dff3e4; color: #15652c; }
      .badge.missed { background: #fde4e2; color: #a31d16; }
      .badge.error { background: #ffecc7; color: #7d4500; }
      .charts { display: flex; flex-wrap: wrap; gap: 16px 24px; }
      figure { margin: 0; flex: 1 1 440px; max-width: 540px; }
      figcaption { font-weight: 600; font-size: 13px; margin-bottom: 2px; }
      svg.chart { width: 100%; height: auto; display: block; }
      .scroll { overflow-x: auto; }
      dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 20px; margin: 0; }
      dl.facts dt { color: #5b6670; }
      dl.facts dd { margin: 0; }
      table.confusion th, table.confusion td { padding: 5px 8px; border: 1px solid #e6e9ed; }
      table.confusion thead th { text-align: right; }
      table.confusion tbody th { white-space: nowrap; }
      table.confusion td { text-align: right; font-variant-numeric: tabular-nums; min-width: 2.2em; }
      table.confusion td.zero { color: #b9c0c7; }
      table.confusion .total { background: #f7f8fa; color: #3b4651; }
      table.confusion th.corner { font-weight: 400; font-size: 12px; color: #5b6670; }
      table.confusion.compact { font-size: 10px; line-height: 1.1; }
      table.confusion.compact th, table.confusion.compact td { padding: 1px 2px; min-width: 0;
        font-size: 10px; }
      table.confusion th.vertical { vertical-align: bottom; text-align: center; }
      table.confusion th.vertical span { writing-mode: vertical-rl; transform: rotate(180deg);
        white-space: nowrap; }
      details { margin-top: 12px; }
      summary { cursor: pointer; color: #3b4651; }
      details table { margin-top: 8px; }
      details th, details td { padding: 3px 12px 3px 0; }
      details th { white-space: nowrap; font-weight: 400; color: #5b6670; }
      footer { color: #8a949e; font-size: 12px; margin-top: 24px; }
      """;

  private Style() {}
}
