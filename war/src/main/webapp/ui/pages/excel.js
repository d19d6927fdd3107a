// "Get the Excel add-in": what it does and how to install its manifest, for a trader (sideload) and for an
// administrator (central deployment). The manifest is served by this server, its URLs under its public address.
import { h } from '../dom.js';

export async function page(view) {
  const manifest = `${location.origin}/excel/manifest.xml`;
  view.append(
    h('p', {}, 'Trade from inside Excel on Windows, Mac or the web: check your order sheet, send the selected rows ',
      'or the whole sheet — never twice, with the same ids as the command-line bridge — and see each row\'s ',
      'Status, OrderId and Message written back and kept up to date as orders fill. Cells can stream prices, ',
      'positions and orders; they never place an order.'),
    h('p', {}, h('a', { href: '/excel/manifest.xml', id: 'manifest-link', download: 'tradebridge-excel-manifest.xml' },
      'Download the add-in manifest'), ` (${manifest})`),
    h('h2', {}, 'Install it for yourself (sideload)'),
    h('ol', {},
      h('li', {}, 'Excel on the web: Home → Add-ins → More add-ins → My add-ins → Upload My Add-in, and choose the manifest.'),
      h('li', {}, 'Excel on Windows: put the manifest in a shared network folder, add that folder under File → Options → ',
        'Trust Center → Trust Center Settings → Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel, then ',
        'Home → Add-ins → Advanced → Shared Folder.'),
      h('li', {}, 'Excel on Mac: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef ',
        '(create the folder if needed), restart Excel, then Home → Add-ins → My Add-ins.'),
      h('li', {}, 'Open Tradebridge from the Home tab, and sign in with an API key from Security (a key with TRADE to ',
        'send orders; READ is enough for live cells).')),
    h('h2', {}, 'Install it for everyone (administrator)'),
    h('p', {}, 'In the Microsoft 365 admin center: Settings → Integrated apps → Upload custom apps → "Provide link to ',
      'manifest file", and paste ', h('code', {}, manifest), '. Assign it to the traders who should have it.'),
    h('h2', {}, 'Before you install'),
    h('ul', {},
      h('li', {}, 'Office loads add-ins over HTTPS only, from the address in the manifest: set TRADEBRIDGE_PUBLIC_URL to ',
        'the HTTPS address Excel will reach this server at, with a certificate Excel trusts.'),
      h('li', {}, 'The order sheet is the one the bridge reads (a sheet named Orders, else the active one): Account, ',
        'Exchange, Symbol, Side, Quantity, OrderType, ProductType and the optional columns. "Check the sheet" shows each ',
        'problem with its cell.'),
      h('li', {}, 'Live cells: =TRADEBRIDGE.LTP("NSE","SBIN"), =TRADEBRIDGE.QUOTE("NSE","SBIN","bid"), ',
        '=TRADEBRIDGE.POSITION("PAPER1","NSE","SBIN"), =TRADEBRIDGE.ORDER(B2,"status").')));
}
