" Vim filetype detection for unitc policies (*.pol); see unitc.pol(5).
autocmd BufNewFile,BufRead *.pol setfiletype unitc
