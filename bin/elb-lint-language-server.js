#!/usr/bin/env node
import '../dist/lsp.js';
