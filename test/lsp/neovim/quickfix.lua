-- Headless Neovim as a user's editor: open a bad request body, let the elb-lint language server
-- publish its diagnostics, ask for the quick fix through vim.lsp, apply it, and wait for the
-- diagnostics to clear. Written for Neovim 0.7 (Debian's) and later. Any error, and an overall
-- timeout, end Neovim with a non-zero exit code (cquit), so a failure cannot hang CI.
-- Environment: ELB_NODE, ELB_SERVER, ELB_FILE, ELB_RESULT (where the outcome is written as JSON).

local WAIT_MS = 20000

local function fail(message)
  io.stderr:write('elb-lint neovim test failed: ' .. tostring(message) .. '\n')
  vim.cmd('cquit 1')
end

-- Whatever happens inside, never run longer than this.
vim.defer_fn(function() fail('overall timeout') end, 60000)

local function start_client(bufnr, root)
  local config = { name = 'elb-lint', cmd = { os.getenv('ELB_NODE'), os.getenv('ELB_SERVER'), '--stdio' }, root_dir = root }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = vim.lsp.start_client(config)
  assert(id, 'vim.lsp.start_client returned nothing')
  assert(vim.lsp.buf_attach_client(bufnr, id), 'the client did not attach to the buffer')
  return id
end

local function main()
  local file = assert(os.getenv('ELB_FILE'), 'ELB_FILE is not set')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'json')
  local id = start_client(bufnr, vim.fn.fnamemodify(file, ':h'))
  local client = vim.lsp.get_client_by_id(id)

  assert(vim.wait(WAIT_MS, function() return #vim.diagnostic.get(bufnr) > 0 end, 20), 'no diagnostics arrived')
  local before = {}
  local target
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(before, { code = diagnostic.code, source = diagnostic.source, lnum = diagnostic.lnum, col = diagnostic.col, end_lnum = diagnostic.end_lnum, end_col = diagnostic.end_col })
    if diagnostic.code == 'schema/enum' then target = diagnostic end
  end
  assert(target, 'no schema/enum diagnostic')

  local range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = { { range = range, message = target.message, code = target.code, source = target.source, severity = target.severity } }, only = { 'quickfix' } },
  }
  local response = client.request_sync('textDocument/codeAction', params, WAIT_MS, bufnr)
  assert(response and not response.err, 'codeAction failed: ' .. vim.inspect(response))
  local preferred
  local titles = {}
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.isPreferred and not preferred then preferred = action end
  end
  assert(preferred, 'no preferred quick fix among ' .. vim.inspect(titles))
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')

  assert(vim.wait(WAIT_MS, function() return #vim.diagnostic.get(bufnr) == 0 end, 20), 'the diagnostics did not clear: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local result = vim.fn.json_encode({ nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), before = before, titles = titles, preferred = preferred.title, text = table.concat(lines, '\n') .. '\n' })
  local out = assert(io.open(assert(os.getenv('ELB_RESULT'), 'ELB_RESULT is not set'), 'w'))
  out:write(result)
  out:close()
  vim.lsp.stop_client(id)
  vim.cmd('qall!')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then fail(err) end
