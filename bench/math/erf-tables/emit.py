import json, sys
import mpmath as mp
mp.mp.dps=60
TWO=mp.mpf(2)
R32=json.load(open('R32.json')); R64=json.load(open('R64.json')); M=json.load(open('misc.json'))
def hx(v): return '0x%08x'%v
def split64(v): assert 0<=v<2**64, v; return [v>>32, v&0xffffffff]
def check_sums(name, tab, g, wide):
    # partial sums P_k(1) = sum_{j>=k} b_j must stay below 2^-g_k (unsigned words never overflow)
    n=len(g)-1
    for idx,q in enumerate(tab):
        for k in range(n+1):
            s=sum(mp.mpf(q[j])/TWO**((64 if j in wide else 32)+g[j]) for j in range(k,n+1))
            if not s*TWO**g[k] < 1: print('OVERFLOW',name,idx,k,float(s*TWO**g[k])); sys.exit(1)
def fmt(name, words, doc, per=8):
    lines=['/** %s */'%doc, 'const %s = new Uint32Array(['%name]
    for i in range(0,len(words),per): lines.append('  '+', '.join(hx(w) for w in words[i:i+per])+',')
    lines.append(']);')
    return '\n'.join(lines)
out=[]
# R32
check_sums('R32', R32['q'], R32['g'], {0,1})
w=[]
for q in R32['q']:
    w+=split64(q[0])+split64(q[1])+q[2:]
    assert all(0<=x<2**32 for x in q[2:])
out.append(fmt('R32', w, 'R32'))
check_sums('R64', R64['q'], R64['g'], set(range(14)))
w=[]
for q in R64['q']:
    for x in q: w+=split64(x)
out.append(fmt('R64', w, 'R64'))
out.append('const R_EXP = new Int8Array([%s]);'%', '.join(str(e) for e in R32['e']))
assert R32['e']==R64['e']
S32=M['S32']; S64=M['S64']; H=M['H']
out.append(fmt('S32', split64(S32['q'][0])+split64(S32['q'][1])+S32['q'][2:], 'S32'))
w=[]
for x in S64['q']: w+=split64(x)
out.append(fmt('S64', w, 'S64'))
out.append(fmt('HQ', split64(H['q'][0])+H['q'][1:], 'H'))
w=[]
for x in M['EJ']: w+=split64(x)
out.append(fmt('EXP2_NEG', w, 'EJ'))
out.append('L64 = %s %s'%tuple(hx(x) for x in split64(M['L64'])))
out.append('ISQ2 = %s %s'%tuple(hx(x) for x in split64(M['ISQ2'])))
print('\n'.join(out))
print('g R32',R32['g'],'R64',R64['g'],'S32',S32['g'],'S64',S64['g'],'H',H['g'], file=sys.stderr)
print('e',R32['e'],file=sys.stderr)
